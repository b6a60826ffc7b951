kubectl create deployment web --image=nginx:1.18.0 --replicas=2 --port=80
kubectl expose deployment web --port=8080 --target-port=80 --type=NodePort
kubectl expose deployment web --name=web-default
kubectl expose deployment web
kubectl get svc -o wide
kubectl describe svc web
kubectl create deployment noport --image=nginx:1.18.0
kubectl expose deployment noport
kubectl expose node node01 --port=80
kubectl expose deployment nope --port=80
kubectl create service clusterip my-cs --tcp=5678:8080
kubectl create service nodeport my-ns --tcp=80:80 --node-port=30080
kubectl create service nodeport other --tcp=80:80 --node-port=30080
kubectl create service clusterip headless --clusterip=None
kubectl create service clusterip bad
kubectl get svc my-cs -o yaml
cat > taken.yaml <<'YAML'
apiVersion: v1
kind: Service
metadata:
  name: taken
spec:
  type: NodePort
  selector:
    app: web
  ports:
  - port: 80
    nodePort: 30080
YAML
kubectl apply -f taken.yaml
cat > dns-ip.yaml <<'YAML'
apiVersion: v1
kind: Service
metadata:
  name: dns-ip
spec:
  clusterIP: 10.96.0.10
  ports:
  - port: 53
YAML
kubectl apply -f dns-ip.yaml
cat > range.yaml <<'YAML'
apiVersion: v1
kind: Service
metadata:
  name: range
spec:
  type: NodePort
  ports:
  - port: 80
    nodePort: 8080
  - port: 443
YAML
kubectl apply -f range.yaml
kubectl port-forward svc/web 8080:8080
kubectl port-forward svc/web 9999:9999
kubectl get svc
kubectl create service clusterip dry --tcp=5678:8080 --dry-run=client -o yaml
kubectl expose deployment web --name=web2 --dry-run=client -o yaml
kubectl create service externalname ext --external-name=example.com
kubectl get svc ext
kubectl port-forward svc/kubernetes 8080:443
