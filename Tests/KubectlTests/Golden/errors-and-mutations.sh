cat > bad.yaml <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: a
	labels: x
YAML
kubectl apply -f bad.yaml
kubectl apply -f nope.yaml
kubectl apply
cat > typo.yaml <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: nginx
        imagee: nginx:1.14
YAML
kubectl apply -f typo.yaml
sed -i 's/imagee/image/' typo.yaml
sed -i 's/labels: {app: web}/labels: {app: webx}/' typo.yaml
kubectl apply -f typo.yaml
sed -i 's/webx/web/' typo.yaml
kubectl create -f typo.yaml
kubectl create -f typo.yaml
kubectl create deployment web --image=nginx
kubectl create deployment web2 --image=nginx:1.14 --replicas=2
kubectl create deployment Bad --image=nginx
kubectl scale deployment web2 --replicas=4
kubectl scale deployment web2
kubectl scale deployment nope --replicas=1
kubectl set image deployment/web2 nope=nginx:1.18.0
kubectl set image deployment/web2 nginx=nginx:1.18.0
kubectl rollout status deployment/web2
kubectl rollout history deployment/web2
kubectl rollout history deployment/web2 --revision=2
kubectl rollout undo deployment/web2 --to-revision=9
kubectl rollout pause deployment/web2
kubectl rollout pause deployment/web2
kubectl rollout undo deployment/web2
kubectl rollout resume deployment/web2
kubectl rollout restart deployment/web2
kubectl label deployment web2 tier=frontend
kubectl label deployment web2 tier=backend
kubectl label deployment web2 tier=backend --overwrite
kubectl label deployment web2 tier-
kubectl annotate deployment web2 note=hello
kubectl annotate deployment web2 note=bye
kubectl patch deployment web2 -p '{"spec":{"replicas":1}}'
kubectl patch deployment web2 --type=merge -p '{"spec":{"replicas":1}}'
kubectl patch deployment web2 --type=json -p '[{"op":"replace","path":"/spec/replicas","value":2}]'
kubectl delete deployment web
kubectl delete pod
kubectl delete pod nope
kubectl delete deployment web2 nope
kubectl version
kubectl cluster-info
kubectl frobnicate
