kubectl apply -f nginx-deployment.yaml
POD=$(kubectl get pods -l app=nginx -o jsonpath='{.items[0].metadata.name}')
kubectl delete pod $POD
kubectl get pods -l app=nginx
KUBE_EDITOR="sed -i s/replicas:\ 3/replicas:\ 5/" kubectl edit deployment nginx-deployment
kubectl get deploy nginx-deployment
kubectl get events --field-selector involvedObject.kind=Deployment
kubectl logs $POD
cat nginx-deployment.yaml | kubectl apply -f -
mkdir more && cp nginx-deployment.yaml more/ && kubectl apply -f more
cat > multi.yaml <<'YAML'
apiVersion: v1
kind: Namespace
metadata:
  name: team
---
apiVersion: v1
kind: Pod
metadata:
  name: p
  labels:
	app: x
YAML
kubectl apply -f multi.yaml
kubectl get ns team
kubectl create deployment web --image=nginx:1.14 --dry-run=client -o yaml
kubectl delete deployment nginx-deployment --cascade=orphan
kubectl get rs
